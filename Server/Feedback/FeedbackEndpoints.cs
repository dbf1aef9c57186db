using LocalOpenAi.Router.Routing;
using LocalOpenAi.Server.Errors;
using LocalOpenAi.Server.Generation;

namespace LocalOpenAi.Server.Feedback;

/// <summary><c>POST /feedback</c>: a rating of an earlier response, stored durably before the 202.</summary>
internal static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/feedback", SubmitAsync)
            .WithName("SubmitFeedback")
            .WithTags("Feedback")
            .Produces<FeedbackAccepted>(StatusCodes.Status202Accepted)
            .Produces(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, FeedbackStore store, IExchangeLog exchanges, TimeProvider time)
    {
        var (request, error) = await JsonBody.ReadAsync(http.Request, FeedbackJson.Default.FeedbackRequest);
        if (error is not null)
        {
            return error;
        }

        if (FeedbackValidator.Validate(request!) is { } problem)
        {
            return OpenAiError.BadRequest(problem.Message, problem.Param);
        }

        var exchange = exchanges.Find(request!.RequestId!);
        var record = new FeedbackRecord(
            time.GetUtcNow(), request.RequestId!, request.Rating!.Value, request.Comment, request.UserId, exchange?.Request, exchange?.Response);
        try
        {
            await store.AppendAsync(record, http.RequestAborted);
        }
        catch (IOException)
        {
            return OpenAiError.Create(
                StatusCodes.Status507InsufficientStorage, "The feedback could not be stored: the server's disk is full or failing. Nothing was recorded; try again later.", "server_error", null, "insufficient_storage");
        }

        // A rated local answer moves its agent's routing score a bounded step (see FeedbackCalibration).
        if (exchange is { Route: "local", Agent: { Length: > 0 } agent } && http.RequestServices.GetService<RequestRouter>() is { } router)
        {
            router.Classifier.Calibration.Record(agent, record.Rating);
        }

        return TypedResults.Json(
            new FeedbackAccepted(record.RequestId, exchange is not null), FeedbackJson.Default.FeedbackAccepted, statusCode: StatusCodes.Status202Accepted);
    }
}
