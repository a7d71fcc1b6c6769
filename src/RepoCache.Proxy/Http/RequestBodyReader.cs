using System.Buffers;
using Microsoft.AspNetCore.Http;
using RepoCache.Proxy.Validation;

namespace RepoCache.Proxy.Http;

/// <summary>Reads a request body up to a byte limit, rejecting a larger one before or while reading it.</summary>
internal static class RequestBodyReader
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Returns the whole body, or throws a 413 problem once it exceeds <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            throw TooLarge(declared, limit);
        }

        var buffer = new ArrayBufferWriter<byte>(ChunkBytes);
        while (true)
        {
            var memory = buffer.GetMemory(ChunkBytes);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenMemory;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(null, limit);
            }
        }
    }

    private static RequestProblemException TooLarge(long? declared, long limit)
    {
        var size = declared is { } bytes ? $"{bytes} bytes" : "more than the limit";
        return new RequestProblemException(StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge, "body",
            $"The request body is {size}; this endpoint accepts at most {limit} bytes ({limit / (1024 * 1024)} MiB).");
    }
}
