extension Organization {
    /// The same organization with every HR key, name and email replaced by its pseudonym, manager and
    /// dotted-line keys included, so everything computed from it (findings, recommendations, reasons) names
    /// pseudonyms only. Titles, departments, teams, levels and locations are kept: the analysis needs them.
    /// `pseudonyms` should be built with at least this organization's keys.
    public func anonymized(with pseudonyms: Pseudonyms) -> Organization {
        Organization(people: people.map { p in
            var a = p
            a.key = pseudonyms.id(forKey: p.key)
            a.name = pseudonyms.name(forKey: p.key)
            a.email = p.email.map { _ in pseudonyms.email(forKey: p.key) }
            a.managerKey = p.managerKey.map(pseudonyms.id(forKey:))
            a.dottedLineManagerKeys = p.dottedLineManagerKeys.map(pseudonyms.id(forKey:))
            return a
        })
    }
}
