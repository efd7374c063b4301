public import MusterCore

extension ImportContext {
    /// Provenance for a record at `locator` of `file`, hashing its raw bytes with ``SHA256``.
    ///
    /// It lives beside the hasher, not in MusterCore, so the core links no C library; an
    /// importer that makes records imports this module too. Inlinable, so the importer calls
    /// the hasher and the core's provenance builder directly, with no extra call per record.
    @inlinable
    public func provenance(file: SourceFile, locator: String, content: some Collection<UInt8>) -> Provenance {
        provenance(file: file, locator: locator, contentHash: SHA256.hex(of: content))
    }
}
