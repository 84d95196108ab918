using System.Security.Cryptography;
using System.Text;
using AiChangeInsights.Warehouse.Privacy;

namespace AiChangeInsights.Tests.Privacy;

public sealed class PseudonymiserTests
{
    readonly Pseudonymiser pseudonymiser = new(Encoding.UTF8.GetBytes(TestWarehouse.Secret));

    static string Hmac(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestWarehouse.Secret), Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void An_alias_key_is_the_HMAC_of_its_kind_and_value()
    {
        pseudonymiser.AliasKey("github", "octo-an").ShouldBe(Hmac("github:octo-an"));
        pseudonymiser.AliasKey("upn", " An@Corp.onmicrosoft.com ").ShouldBe(Hmac("upn:an@corp.onmicrosoft.com"));
    }

    [Fact]
    public void The_same_text_is_another_key_in_each_kind_and_never_a_person_key()
    {
        var keys = Pseudonymiser.AliasKinds.Select(k => pseudonymiser.AliasKey(k, "4242")).Append(pseudonymiser.PersonKey("4242")).ToList();

        keys.Distinct().Count().ShouldBe(5);
    }

    [Theory]
    [InlineData("github", "@Octo-An", "octo-an")]
    [InlineData("github", "https://github.com/octo-an/", "octo-an")]
    [InlineData("github", "github.com/octo-an", "octo-an")]
    [InlineData("employee_id", "00123", "123")]
    [InlineData("employee_id", "E-00123", "e-00123")]
    [InlineData("employee_id", "000", "0")]
    [InlineData("email", "An.Prive@Gmail.com", "an.prive@gmail.com")]
    public void Values_that_tools_write_differently_give_one_key(string kind, string written, string same) =>
        pseudonymiser.AliasKey(kind, written).ShouldBe(pseudonymiser.AliasKey(kind, same));

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => pseudonymiser.AliasKey("name", "An"));
}
