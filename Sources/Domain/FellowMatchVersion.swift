/// FellowMatch's version, as `fellowmatch --version` prints it.
public enum FellowMatchVersion {
    public static let current = "0.7.0"
}
