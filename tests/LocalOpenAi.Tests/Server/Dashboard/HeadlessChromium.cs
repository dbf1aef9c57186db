using OpenQA.Selenium.Chrome;

namespace LocalOpenAi.Tests.Server.Dashboard;

/// <summary>Debian's <c>chromium</c> driven through its <c>chromium-driver</c>, headless; <c>.ci/run</c> installs both.</summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    public static bool IsInstalled => File.Exists(Browser) && File.Exists(Driver);

    public static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = Browser };
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        options.SetLoggingPreference(OpenQA.Selenium.LogType.Browser, OpenQA.Selenium.LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver), Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromMinutes(2));
    }
}
