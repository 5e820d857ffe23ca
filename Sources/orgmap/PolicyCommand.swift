import ArgumentParser
import Foundation
import OrgImport
import OrgModel

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Write or check a policy file: which departments are engineering, tier titles, thresholds.",
        subcommands: [PolicyInit.self, PolicyCheck.self]
    )
}

struct PolicyInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the default policy, with comments, to a YAML file to edit.",
        discussion: """
            Examples:
              orgmap policy init                      # writes orgmap-policy.yaml
              orgmap policy init acme-policy.yaml
              orgmap report --policy acme-policy.yaml
            """
    )

    @Argument(help: ArgumentHelp("Where to write it; - for standard output.", valueName: "file"))
    var file: String = "orgmap-policy.yaml"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func run() throws {
        let text = PolicyFile.template()
        if file == "-" { return emit(text) }
        if FileManager.default.fileExists(atPath: file), !force {
            throw OrgMapError.invalidArgument("\(file) already exists; use --force to replace it")
        }
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else {
            throw OrgMapError.unreadableFile(path: file, reason: "cannot write here")
        }
        FileHandle.standardError.write(Data("Wrote the default policy to \(file); edit it and pass it with --policy \(file)\n".utf8))
    }
}

struct PolicyCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a policy file and print the policy it gives, defaults filled in.",
        discussion: "Example:\n  orgmap policy check acme-policy.yaml"
    )

    @Argument(help: ArgumentHelp("The policy file.", valueName: "file"))
    var file: String

    func run() throws {
        emit(PolicyFile.template(try PolicyFile.load(path: file)))
    }
}
