import Foundation

/// Where an import reads from: a file, standard input, or bytes already in memory (the embedded sample, tests).
public enum InputSource: Sendable {
    /// A file's path; `-` is standard input.
    case path(String)
    /// Bytes read as if they were a file with this name.
    case bytes([UInt8], name: String)

    /// The name messages use for it before it is opened.
    public var displayName: String {
        switch self {
        case .path(let path): path == "-" ? "<stdin>" : path
        case .bytes(_, let name): name
        }
    }

    /// True for bytes in memory and regular files: what can be read while rows are stored, since it never makes
    /// the transaction wait for a slow writer at the other end of a pipe.
    public var isRegularFile: Bool {
        switch self {
        case .bytes: true
        case .path(let path):
            path != "-" && (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
        }
    }

    public func open() throws -> ByteInput {
        switch self {
        case .path(let path): try ByteInput(path: path)
        case .bytes(let bytes, let name): ByteInput(bytes: bytes, name: name)
        }
    }
}
