using AiChangeInsights.Warehouse.Ingest.Survey;

namespace AiChangeInsights.Tests.Ingest;

/// <summary>The keyword defaults read the everyday wordings of a question, as survey tools' users write them.</summary>
public sealed class QuestionMappingTests
{
    [Theory]
    [InlineData("Hoe waarschijnlijk is het dat je Copilot aanraadt aan een collega?", "recommend")]
    [InlineData("Hoe waarschijnlijk is het dat u AI aanbeveelt? (0-10)", "recommend")]
    [InlineData("Wie wahrscheinlich ist es, dass du KI einem Kollegen empfiehlst?", "recommend")]
    [InlineData("AI-tools helpen mij sneller te werken", "usefulness")]
    [InlineData("KI-Werkzeuge helfen mir, schneller zu arbeiten", "usefulness")]
    [InlineData("Copilot hilft mir bei meiner Arbeit", "usefulness")]
    [InlineData("Ik ben bang dat AI mijn baan overbodig maakt", "concern_status")]
    [InlineData("Hoe vaak gebruik je Copilot per week?", QuestionMapping.Unmapped)]
    public void A_question_maps_to_the_construct_its_words_name(string question, string construct) =>
        QuestionMapping.Default(question).Construct.ShouldBe(construct);
}
