extension Policy {
    /// Whole-word phrases; "IT" matches "IT Operations" but not "Recruiting", "Data" matches "Data Science".
    public static let defaultEngineeringDepartmentPatterns = [
        "Engineering", "Software", "Development", "Platform", "Infrastructure", "Data", "IT",
        "Information Technology", "Security", "InfoSec", "SRE", "Site Reliability", "Reliability", "DevOps",
        "QA", "Quality Assurance", "R&D", "Research & Development", "Technology", "Tech", "Architecture",
        "Cloud", "Machine Learning", "ML", "AI",
    ]

    /// Business teams whose names contain an engineering word.
    public static let defaultBusinessDepartmentPatterns = [
        "Business Development", "Sales Engineering", "Solutions Engineering", "Physical Security",
        "Marketing Technology",
    ]

    /// "VP of Engineering" and "Vice President, Engineering" both read as "vp engineering" (see ``PhraseMatcher``).
    /// A CISO is deliberately not here: their remit is one function, so they are a senior leader by title.
    public static let defaultTechnologyLeaderTitlePatterns = [
        "CTO", "Chief Technology Officer", "Chief Technical Officer", "CIO", "Chief Information Officer",
        "CPTO", "Chief Product & Technology Officer", "VP Engineering", "SVP Engineering", "EVP Engineering",
        "Engineering VP", "VP Technology", "SVP Technology", "Chief Architect", "Head of Engineering",
        "Head of Technology",
    ]

    public static let defaultSeniorLeaderTitlePatterns = [
        "VP", "SVP", "EVP", "Director", "Head", "Senior Manager", "Senior Engineering Manager",
        "Principal Engineering Manager", "Group Engineering Manager", "Group Manager", "CISO",
        "Chief Information Security Officer", "Chief Security Officer", "Chief Data Officer",
    ]

    /// A "Tech Lead" or "Lead Engineer" with no direct reports stays an individual contributor.
    public static let defaultManagerTitlePatterns = [
        "Engineering Manager", "Manager", "Team Lead", "Tech Lead", "Lead", "Supervisor",
    ]
}
