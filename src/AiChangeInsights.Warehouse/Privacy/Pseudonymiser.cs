using System.Security.Cryptography;
using System.Text;

namespace AiChangeInsights.Warehouse.Privacy;

/// <summary>person_key = HMAC-SHA256(site secret, lower(trim(email or UPN))), lower-case hex.</summary>
public sealed class Pseudonymiser(byte[] secret)
{
    public string PersonKey(string identifier) => Hmac(identifier.Trim().ToLowerInvariant());

    /// <summary>
    /// The pseudonym of a user account in the audit log: a separate domain of the same secret, so that an audit
    /// entry can never be joined to the person rows of the same employee.
    /// </summary>
    public string AccountKey(string account) => Hmac("account:" + account.Trim().ToLowerInvariant());

    string Hmac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text)));
}
