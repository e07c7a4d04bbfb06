/// A fingerprint of a program's inputs: FNV-1a 64 over each file's name, a
/// NUL, its bytes and a NUL, in the readers' order, written as 16 hex digits.
/// Two runs of the same bytes have the same hash; it is computed from the
/// texts the reader used, never by reading the files again.
///
/// - Complexity: O(n) in the total size of the inputs.
import Domain

enum InputHash {
    static func of(_ inputs: [InputText]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for b in bytes { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        for input in inputs {
            mix(input.name.utf8)
            mix([0])
            mix(input.text.utf8)
            mix([0])
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
