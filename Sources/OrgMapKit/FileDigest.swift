import Crypto
import Foundation
import OrgImport
import OrgModel

/// SHA-256 of what an import reads, lowercase hex: what tells that content was imported before.
enum FileDigest {
    static func sha256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// A file read in 1 MiB chunks, so a large export is hashed in bounded memory.
    static func sha256(of source: InputSource) throws -> String {
        switch source {
        case .bytes(let bytes, _): return sha256(bytes)
        case .path(let path): return try sha256(ofFile: path)
        }
    }

    /// A zip's bytes; a folder's files, each hashed, their paths and digests hashed in order.
    static func sha256(of archive: any EntryArchive) throws -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: archive.url.path, isDirectory: &isFolder), !isFolder.boolValue {
            return try sha256(ofFile: archive.url.path)
        }
        let listing = try archive.entryPaths.map { path in
            "\(path)\t\(sha256(Array(try reportingExportErrors { try archive.read(path) })))"
        }
        return sha256(Array(listing.joined(separator: "\n").utf8))
    }

    private static func sha256(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OrgMapError.unreadableFile(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "No such file or directory")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            throw OrgMapError.unreadableFile(path: path, reason: error.localizedDescription)
        }
        return hex(hasher.finalize())
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
