import ArgumentParser
import OrgMapKit

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
        if file == "-" { return emit(PolicyTemplate.text) }
        try PolicyTemplate.write(to: file, replacing: force)
        note("Wrote the default policy to \(file); edit it and pass it with --policy \(file)")
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
        emit(try PolicyTemplate.check(file))
    }
}
