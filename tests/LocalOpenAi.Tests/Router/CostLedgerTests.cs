using LocalOpenAi.Router.Accounting;
using LocalOpenAi.Router.Routing;

namespace LocalOpenAi.Tests.Router;

public sealed class CostLedgerTests
{
    [Fact]
    public void Local_and_cached_answers_add_the_reference_price_and_cloud_answers_their_own()
    {
        var ledger = new CostLedger(new RouterOptions()); // reference gpt-4o: $2.50 in, $10 out per 1M

        Assert.Equal(0.0035m, ledger.RecordAnswer(AnswerSource.Local, 1000, 100));
        Assert.Equal(0.0035m, ledger.RecordAnswer(AnswerSource.Cache, 1000, 100));
        Assert.Equal(0.00021m, ledger.RecordAnswer(AnswerSource.Cloud, 1000, 100, "gpt-4o-mini"));
        Assert.Equal(0m, ledger.RecordAnswer(AnswerSource.Cloud, 1000, 100, "unpriced"));

        var snapshot = ledger.Snapshot();
        Assert.Equal(0.007m, snapshot.CostAvoidedUsd);
        Assert.Equal(0.00021m, snapshot.CloudSpendUsd);
        Assert.Equal((1L, 1L, 2L), (snapshot.LocalAnswers, snapshot.CachedAnswers, snapshot.CloudAnswers));
        Assert.Equal("gpt-4o", snapshot.ReferenceModel);
    }

    [Fact]
    public void Concurrent_records_are_all_counted()
    {
        var ledger = new CostLedger(new RouterOptions());

        Parallel.For(0, 10_000, i =>
        {
            ledger.RecordDecision((RouteTarget)(i % 3));
            ledger.RecordAnswer(AnswerSource.Local, 100, 10);
        });

        var snapshot = ledger.Snapshot();
        Assert.Equal(10_000, snapshot.LocalRoutes + snapshot.CloudRoutes + snapshot.HybridRoutes);
        Assert.Equal(3334, snapshot.LocalRoutes);
        Assert.Equal(10_000, snapshot.LocalAnswers);
        Assert.Equal(10_000 * 0.00035m, snapshot.CostAvoidedUsd);
    }

    [Fact]
    public void Misuse_is_refused()
    {
        var ledger = new CostLedger(new RouterOptions());

        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.RecordAnswer(AnswerSource.Local, -1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ledger.RecordDecision((RouteTarget)7));
        Assert.Throws<ArgumentException>(() => new CostLedger(new RouterOptions { ReferenceModel = "nope" }));
    }
}
