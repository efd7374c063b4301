#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The two `posix_spawn` file actions muster needs beyond POSIX: run in a folder
/// (`addchdir_np`, glibc 2.29, macOS 10.15) and close inherited descriptors
/// (`addclosefrom_np`, glibc 2.34).
///
/// Swift's Glibc module is built without `_GNU_SOURCE`, so their declarations are hidden;
/// they are looked up once by name in the C library instead. A C shim target defining
/// `_GNU_SOURCE` would be the cleaner way, at the cost of one more module.
enum GNUSpawnExtensions {
    typealias FileActions = UnsafeMutablePointer<posix_spawn_file_actions_t>
    private typealias Chdir = @convention(c) (FileActions, UnsafePointer<CChar>) -> Int32
    private typealias Closefrom = @convention(c) (FileActions, Int32) -> Int32

    private static let chdir: Chdir? = symbol("posix_spawn_file_actions_addchdir_np")
    private static let closefrom: Closefrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    /// The function `name` from the libraries already loaded (the C library among them).
    private static func symbol<Function>(_ name: String) -> Function? {
        guard let address = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(address, to: Function.self)
    }

    /// Adds "change to `directory`" to the actions; ENOSYS when the C library lacks it.
    static func addChdir(_ actions: FileActions, _ directory: String) -> Int32 {
        guard let chdir else { return ENOSYS }
        return chdir(actions, directory)
    }

    /// Adds "close every descriptor from `lowest` on"; ENOSYS when the C library lacks it
    /// (then only descriptors opened close-on-exec stay out of the command).
    static func addClosefrom(_ actions: FileActions, _ lowest: Int32) -> Int32 {
        guard let closefrom else { return ENOSYS }
        return closefrom(actions, lowest)
    }
}
