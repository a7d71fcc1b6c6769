using System.Text;

namespace RepoCache.Verification.Fixtures.Generator;

public static partial class FeedGenerator
{
    private static List<string> CreateOwners(Random random, int count)
    {
        var owners = new List<string>(count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (owners.Count < count)
        {
            var owner = CreateOwner(random);
            if (seen.Count >= Vocabulary.Places.Length * Vocabulary.Bodies.Length / 2)
            {
                // Past this point most place and body pairs are taken, so a number keeps owners distinct.
                owner = $"{owner}{owners.Count}";
            }

            if (owner.Length <= 39 && seen.Add(owner.ToLowerInvariant()))
            {
                owners.Add(owner);
            }
        }

        return owners;
    }

    // Owners mix the spellings seen on GitHub: BathnesDevelopment, wmfs, Leeds-City-Council, DFE-Digital.
    private static string CreateOwner(Random random)
    {
        var place = Pick(random, Vocabulary.Places);
        var body = Pick(random, Vocabulary.Bodies);

        return random.Next(6) switch
        {
            0 or 1 => place + body,
            2 => (place + body).ToLowerInvariant(),
            3 => $"{place}-{body}",
            4 => $"{place[..Math.Min(3, place.Length)].ToUpperInvariant()}-{body}",
            _ => $"{place.ToLowerInvariant()}-{body.ToLowerInvariant()}",
        };
    }

    private static string CreateUniqueName(Random random, string owner, HashSet<string> keys)
    {
        var name = CreateName(random);
        var ownerKey = owner.ToLowerInvariant();
        var suffix = 2;
        var candidate = name;
        while (!keys.Add($"{ownerKey}/{candidate.ToLowerInvariant()}"))
        {
            candidate = $"{name}-{suffix++}";
        }

        return candidate;
    }

    // One to five words, mostly kebab-case, the rest PascalCase, snake_case, joined or dotted.
    private static string CreateName(Random random)
    {
        var roll = random.NextDouble();
        var wordCount = roll switch
        {
            < 0.2 => 1,
            < 0.6 => 2,
            < 0.85 => 3,
            < 0.95 => 4,
            _ => 5,
        };

        var words = new string[wordCount];
        for (var i = 0; i < wordCount; i++)
        {
            words[i] = Pick(random, Vocabulary.NameWords);
        }

        var name = random.Next(20) switch
        {
            < 12 => string.Join('-', words),
            < 15 => string.Concat(words.Select(Capitalise)),
            < 17 => string.Join('_', words),
            < 19 => string.Concat(words),
            _ => string.Join('.', words),
        };

        if (random.Next(10) == 0)
        {
            name += random.Next(2) == 0 ? $"-{random.Next(2015, 2027)}" : $"-v{random.Next(2, 5)}";
        }

        return name;
    }

    private static string CreateDescription(Random random)
    {
        var builder = new StringBuilder(Capitalise(Pick(random, Vocabulary.NameWords)));
        var words = random.Next(4, 30);
        for (var i = 0; i < words; i++)
        {
            builder.Append(' ').Append(Pick(random, Vocabulary.NameWords));
        }

        return builder.Append('.').ToString();
    }

    private static string ChangeCase(string owner) =>
        owner == owner.ToLowerInvariant() ? owner.ToUpperInvariant() : owner.ToLowerInvariant();

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
