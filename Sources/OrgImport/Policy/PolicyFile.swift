import Foundation
import OrgAnalysis
import OrgModel
import Yams

/// The YAML policy file: any subset of ``Policy``'s keys; the rest keep their defaults.
public enum PolicyFile {
    /// Reads a policy file. Unknown keys are errors (a typo would otherwise be silently ignored).
    public static func load(path: String) throws -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OrgMapError.unreadableFile(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ yaml: String, file: String) throws -> Policy {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw OrgMapError.invalidPolicy(file: file, problems: [problem(error)])
        }
        guard let node else { return .default }
        guard let mapping = node.mapping else {
            throw OrgMapError.invalidPolicy(file: file, problems: [InputProblem(line: node.mark.map { $0.line }, message: "expected a mapping of policy keys such as `minimum_department_size: 3`")])
        }
        let known = knownKeys
        let unknown = mapping.keys.filter { !known.contains($0.string ?? "") }
        if !unknown.isEmpty {
            throw OrgMapError.invalidPolicy(file: file, problems: unknown.map {
                InputProblem(line: $0.mark.map { $0.line }, message: "unknown policy key '\($0.string ?? "?")'; expected one of \(known.sorted().joined(separator: ", "))")
            })
        }
        do {
            return try YAMLDecoder().decode(Policy.self, from: node)
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            let line = context.codingPath.first.flatMap { first in mapping.first { $0.key.string == first.stringValue }?.value.mark?.line }
            throw OrgMapError.invalidPolicy(file: file, problems: [InputProblem(line: line, message: "'\(key)' should be \(typeName(type))")])
        }
    }

    /// Every key a policy file may set.
    public static var knownKeys: Set<String> {
        let encoded = try! JSONSerialization.jsonObject(with: JSONEncoder().encode(Policy.default)) as! [String: Any]
        return Set(encoded.keys).union(["core_business_departments"])
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String].Type, is [String]?.Type: "a list of strings"
        default: "a \(type)"
        }
    }

    private static func problem(_ error: YamlError) -> InputProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _):
            InputProblem(line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            InputProblem(line: nil, message: "not valid YAML: \(error)")
        }
    }

    /// The default policy as a commented YAML file (`orgmap policy init`).
    public static func template(_ p: Policy = .default) -> String {
        func list(_ values: [String]) -> String {
            "[" + values.map { "\"\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ") + "]"
        }
        func number(_ d: Double) -> String { d == d.rounded() ? String(format: "%.1f", d) : String(d) }
        return """
            # orgmap policy: how departments, leaders and findings are judged.
            # Use it with: orgmap report --policy orgmap-policy.yaml
            # Every key is optional: delete what you do not change and the default applies.
            # Patterns match whole words, ignoring case and punctuation ("VP, Engineering" = "VP Engineering").

            # --- Which departments are engineering (technology); every other department is business.
            engineering_department_patterns: \(list(p.engineeringDepartmentPatterns))
            # Business departments whose names contain an engineering word.
            business_department_patterns: \(list(p.businessDepartmentPatterns))
            # Exact department names, forced one way or the other (the business list wins).
            engineering_departments: \(list(p.engineeringDepartments))
            business_departments: \(list(p.businessDepartments))

            # --- Leadership tiers, from titles (structure counts too: managing managers makes a senior leader).
            technology_leader_title_patterns: \(list(p.technologyLeaderTitlePatterns))
            # Someone with such a title who reports to another (a VP of Engineering under the CTO): a technology leader
            # too (true), or a senior engineering leader (false).
            technology_leader_below_another: \(p.technologyLeaderBelowAnother)
            senior_leader_title_patterns: \(list(p.seniorLeaderTitlePatterns))
            manager_title_patterns: \(list(p.managerTitlePatterns))

            # --- Expectations.
            # A technology leader is expected to reach every business department with at least this many people.
            minimum_department_size: \(p.minimumDepartmentSize)
            # Or name the core business departments exactly (uncomment):
            # core_business_departments: ["Sales", "Product", "Customer Success", "Finance"]
            # A senior engineering leader is expected to reach at least this many core business departments.
            senior_leader_minimum_business_departments: \(p.seniorLeaderMinimumBusinessDepartments)

            # --- Thresholds of low-external-ratio, on the E-I index (-1 all ties inside engineering, +1 all business-facing).
            technology_leader_minimum_ei: \(number(p.technologyLeaderMinimumEI))
            senior_leader_minimum_ei: \(number(p.seniorLeaderMinimumEI))

            # --- boundary-spanner: an engineering manager who reaches this many business departments, with at least this
            # share of their link weight business-facing (or, as an alternative, an E-I index at least this).
            boundary_spanner_minimum_business_departments: \(p.boundarySpannerMinimumBusinessDepartments)
            boundary_spanner_minimum_share: \(number(p.boundarySpannerMinimumShare))
            boundary_spanner_minimum_ei: \(number(p.boundarySpannerMinimumEI))

            # --- The weight of the tie a dotted-line manager adds.
            dotted_line_weight: \(number(p.dottedLineWeight))

            # --- orgmap plan: the weight each introduction's new tie is assumed to have (6: a meeting a fortnight for a quarter).
            plan_assumed_weight: \(number(p.planAssumedWeight))

            """
    }
}
