namespace RepoCache.Verification.Fixtures.Generator;

/// <summary>Word lists that synthetic owners, names and descriptions are built from.</summary>
internal static class Vocabulary
{
    public static readonly string[] Places =
    [
        "Barnsley", "Bath", "Bedford", "Birmingham", "Blackpool", "Bolton", "Bradford", "Brighton", "Bristol",
        "Bury", "Cambridge", "Camden", "Cardiff", "Cheshire", "Cornwall", "Coventry", "Croydon", "Cumbria",
        "Derby", "Devon", "Dorset", "Dudley", "Durham", "Ealing", "Essex", "Exeter", "Glasgow", "Gloucester",
        "Hackney", "Hampshire", "Harrow", "Hertford", "Hull", "Islington", "Kent", "Kirklees", "Lambeth",
        "Leeds", "Leicester", "Lewisham", "Lincoln", "Liverpool", "Luton", "Manchester", "Medway", "Merton",
        "Newcastle", "Norfolk", "Norwich", "Nottingham", "Oldham", "Oxford", "Plymouth", "Portsmouth",
        "Reading", "Redbridge", "Salford", "Sefton", "Sheffield", "Somerset", "Southwark", "Stockport",
        "Suffolk", "Sunderland", "Surrey", "Swindon", "Tameside", "Trafford", "Wakefield", "Walsall",
        "Wandsworth", "Warwick", "Westminster", "Wigan", "Wiltshire", "Wirral", "Wolverhampton", "York",
    ];

    public static readonly string[] Bodies =
    [
        "Council", "Digital", "Development", "Data", "Dev", "Gov", "Tech", "Labs", "Services", "Team",
        "Transport", "Health", "Police", "Fire", "Borough", "City", "County", "Schools", "Libraries", "Archives",
    ];

    public static readonly string[] NameWords =
    [
        "api", "frontend", "backend", "service", "data", "pipeline", "terraform", "infrastructure", "design",
        "guide", "alpha", "beta", "prototype", "app", "web", "portal", "planning", "housing", "waste",
        "collections", "payments", "notify", "dashboard", "config", "scripts", "docs", "tools", "bot", "etl",
        "analytics", "schema", "import", "export", "modules", "lambda", "azure", "aws", "react", "django",
        "wordpress", "theme", "plugin", "manual", "register", "forms", "search", "map", "gis", "open",
        "tracker", "booking", "licensing", "parking", "council", "tax", "benefits", "casework", "audit",
        "identity", "auth", "gateway", "queue", "worker", "reports", "metrics", "monitoring", "alerts",
        "deploy", "helm", "charts", "ansible", "docker", "images", "python", "node", "java", "dotnet",
        "elements", "components", "library", "sdk", "client", "mock", "stub", "test", "fixtures", "standards",
        "patterns", "toolkit", "starter", "template", "blog", "website", "static", "site", "content", "cms",
    ];

    public static readonly string[] Languages =
    [
        "JavaScript", "Python", "Ruby", "TypeScript", "Java", "C#", "HTML", "Go", "PHP", "Shell", "HCL",
        "CSS", "SCSS", "Kotlin", "Jupyter Notebook", "R", "Dockerfile", "Vue", "Groovy", "Scala",
    ];

    public static readonly string[] Licenses =
    [
        "mit", "mit", "mit", "ogl-uk-3.0", "apache-2.0", "gpl-3.0", "bsd-3-clause", "agpl-3.0", "other",
    ];
}
