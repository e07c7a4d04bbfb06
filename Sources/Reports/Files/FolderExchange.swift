#if canImport(Glibc)
    import Glibc

    /// Two paths exchanged in one step: Linux's `renameat2(2)` with
    /// `RENAME_EXCHANGE` (since Linux 3.15; ext4, XFS, Btrfs and tmpfs support
    /// it). Swift's Glibc module does not declare `renameat2`, so it is looked
    /// up in the C library when first used.
    enum FolderExchange {
        typealias RenameAt2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32

        /// `RENAME_EXCHANGE` of `<linux/fs.h>`.
        static let exchangeFlag: UInt32 = 1 << 1

        static let renameat2: RenameAt2? = {
            // RTLD_DEFAULT is the null handle in glibc: every library loaded.
            guard let symbol = dlsym(nil, "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        }()

        /// Whether `a` and `b` (both existing) were exchanged; `false` where
        /// the C library, the kernel or the file system cannot, and nothing
        /// was changed.
        static func swap(_ a: String, _ b: String) -> Bool {
            guard let renameat2 else { return false }
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0
        }
    }
#else
    /// No one-step exchange here: the caller renames in two steps.
    enum FolderExchange {
        static func swap(_ a: String, _ b: String) -> Bool { false }
    }
#endif
