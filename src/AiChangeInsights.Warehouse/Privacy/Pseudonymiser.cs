using System.Security.Cryptography;
using System.Text;

namespace AiChangeInsights.Warehouse.Privacy;

/// <summary>person_key = HMAC-SHA256(site secret, lower(trim(email or UPN))), lower-case hex.</summary>
public sealed class Pseudonymiser(byte[] secret)
{
    public string PersonKey(string identifier)
    {
        var normalised = identifier.Trim().ToLowerInvariant();
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(normalised)));
    }
}
