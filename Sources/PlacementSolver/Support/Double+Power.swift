extension Double {
    /// `self` raised to a whole power (1 for exponents below 1).
    func power(_ exponent: Int) -> Double { (0..<max(exponent, 0)).reduce(1) { r, _ in r * self } }
}
