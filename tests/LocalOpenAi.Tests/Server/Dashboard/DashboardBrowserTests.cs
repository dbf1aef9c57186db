using System.Net.Http.Json;
using LocalOpenAi.Tests.Server.Cli;
using LocalOpenAi.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace LocalOpenAi.Tests.Server.Dashboard;

/// <summary>
/// A real headless browser against the real server process: the dashboard loads without console errors,
/// its charts move after requests, and the playground streams an answer with its route and prompt.
/// Runs where Chromium and its driver are installed (CI installs them).
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string Alias = "tiny";

    [Fact]
    public async Task The_dashboard_charts_requests_and_the_playground_streams_a_chat()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            return;
        }

        await using var server = await RunningServerProcess.StartAsync("--model", TestModels.TinyPath, "--alias", Alias, "--parallel", "2");
        using var browser = HeadlessChromium.Start();
        var wait = new WebDriverWait(browser, TimeSpan.FromMinutes(1));
        browser.Navigate().GoToUrl(server.Http.BaseAddress!.ToString());
        wait.Until(_ => browser.FindElement(By.Id("status-line")).Text.StartsWith("updated", StringComparison.Ordinal));
        var pointsBefore = LocalPoints(browser);

        for (var i = 0; i < 3; i++)
        {
            using var response = await server.Http.PostAsJsonAsync("v1/chat/completions", new { model = Alias, messages = new[] { new { role = "user", content = $"hello {i}" } }, max_tokens = 4 });
            response.EnsureSuccessStatusCode();
        }

        wait.Until(_ => browser.FindElements(By.CssSelector("#recent tbody tr")).Count >= 3);
        wait.Until(_ => LocalPoints(browser) != pointsBefore && LocalPoints(browser).Split(' ').Any(point => !point.EndsWith(",100", StringComparison.Ordinal)));
        Assert.Equal("local", browser.FindElement(By.CssSelector("#recent tbody tr td:nth-child(4)")).Text);

        browser.FindElement(By.Id("tab-playground")).Click();
        wait.Until(_ => browser.FindElements(By.CssSelector("#play-model option")).Any(option => option.Text == Alias));
        // Random weights may end an answer after its first token, which shows no streaming: ask again, up to five times.
        IWebElement answer = null!;
        for (var turn = 1; turn <= 5 && Chunks(answer) <= 1; turn++)
        {
            browser.FindElement(By.Id("play-input")).SendKeys("Tell me a story");
            browser.FindElement(By.Id("play-send")).Click();
            wait.Until(_ => browser.FindElements(By.CssSelector("#play-transcript .assistant")).Count == turn && browser.FindElement(By.Id("play-send")).Enabled);
            answer = browser.FindElements(By.CssSelector("#play-transcript .assistant"))[^1];
        }

        Assert.NotEmpty(answer.Text);
        Assert.True(Chunks(answer) > 1, "the answer arrived in one piece, not streamed");
        Assert.Equal("local", browser.FindElement(By.Id("play-route")).Text);
        Assert.Contains("Tell me a story", browser.FindElement(By.Id("play-prompt")).Text);
        Assert.DoesNotContain(browser.Manage().Logs.GetLog(LogType.Browser), entry => entry.Level >= LogLevel.Warning);
    }

    private static int Chunks(IWebElement? answer) =>
        answer is null ? 0 : int.Parse(answer.GetDomAttribute("data-chunks") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static string LocalPoints(IWebDriver browser) =>
        browser.FindElement(By.CssSelector("#chart-requests polyline.local")).GetDomAttribute("points") ?? "";
}
