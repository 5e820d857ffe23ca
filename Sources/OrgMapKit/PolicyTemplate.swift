import OrgAnalysis
import OrgImport

/// `orgmap policy`: the default policy as a commented YAML file to edit, and the check of an edited one.
public enum PolicyTemplate {
    /// The default policy, every key with its comment.
    public static var text: String { PolicyFile.template() }

    /// Writes ``text`` to `path`; an existing file is left alone unless `replacing`.
    public static func write(to path: String, replacing: Bool) throws {
        try OutputFile.create(Array(text.utf8), at: path, replacing: replacing)
    }

    /// The policy `path` gives, defaults filled in, as YAML; throws naming the line of any problem.
    public static func check(_ path: String) throws -> String {
        PolicyFile.template(try PolicyFile.load(path: path))
    }
}
