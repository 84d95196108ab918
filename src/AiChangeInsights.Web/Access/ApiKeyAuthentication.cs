using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AiChangeInsights.Web.Access;

/// <summary>
/// API keys for scripts (and aci import while the server holds the warehouse): header X-Api-Key, checked against
/// the keys in configuration (Api:Keys:{n}:Name and :Key; from the environment, never from the repository). A key
/// acts as an Analyst, the only role that may import.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IConfiguration configuration) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyNameClaim = "api_key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented) || presented.ToString().Length == 0)
            return Task.FromResult(AuthenticateResult.NoResult());
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented.ToString()));
        foreach (var key in configuration.GetSection("Api:Keys").GetChildren())
        {
            var secret = key["Key"];
            if (string.IsNullOrWhiteSpace(secret) || secret.Length < 24) continue; // short keys are refused, not trusted
            if (!CryptographicOperations.FixedTimeEquals(given, SHA256.HashData(Encoding.UTF8.GetBytes(secret)))) continue;
            var name = key["Name"] ?? "key";
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, $"api:{name}"), new Claim(ClaimTypes.Role, nameof(Role.Analyst)), new Claim(KeyNameClaim, name),
            ], SchemeName);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }
}
