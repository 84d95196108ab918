using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AiChangeInsights.Warehouse.Privacy;

/// <summary>person_key = HMAC-SHA256(site secret, lower(trim(email or UPN))), lower-case hex.</summary>
public sealed partial class Pseudonymiser(byte[] secret)
{
    /// <summary>The kinds of identity a person may have beside the key of their person row.</summary>
    public static readonly IReadOnlyList<string> AliasKinds = [Upn, Email, EmployeeId, GitHub];

    public const string Upn = "upn";
    public const string Email = "email";
    public const string EmployeeId = "employee_id";
    public const string GitHub = "github";

    public string PersonKey(string identifier) => Hmac(identifier.Trim().ToLowerInvariant());

    /// <summary>
    /// The pseudonym of one of a person's identities: HMAC(kind + ':' + value), a domain of its own per kind, so that an
    /// employee number never equals a GitHub login of the same text. Values compare as the tools write them differently:
    /// case-blind, a GitHub login without '@' or its profile address, an all-digit employee number without leading zeros
    /// (Excel drops them: "00123" and "123" are one number).
    /// </summary>
    public string AliasKey(string kind, string value)
    {
        if (!AliasKinds.Contains(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an identity kind");
        var normal = value.Trim().ToLowerInvariant();
        normal = kind switch
        {
            GitHub => GitHubProfile().Replace(normal, "").TrimEnd('/'),
            EmployeeId when normal.Length > 1 && normal.All(char.IsAsciiDigit) => normal.TrimStart('0') is { Length: > 0 } n ? n : "0",
            _ => normal,
        };
        return Hmac(kind + ":" + normal);
    }

    /// <summary>
    /// The pseudonym of a user account in the audit log: a separate domain of the same secret, so that an audit
    /// entry can never be joined to the person rows of the same employee.
    /// </summary>
    public string AccountKey(string account) => Hmac("account:" + account.Trim().ToLowerInvariant());

    string Hmac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^(https?://)?(www\.)?(github\.com/)?@?")]
    private static partial Regex GitHubProfile();
}
