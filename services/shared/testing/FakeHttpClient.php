<?php

declare(strict_types=1);

namespace Platform\Shared\Testing;

use Closure;
use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\ClientResponse;
use Platform\Shared\Http\Client\HttpClient;

/**
 * Answers HTTP calls from a responder and records them, for unit tests of code that calls other services.
 */
final class FakeHttpClient implements HttpClient
{
    /** @var list<array{method: string, url: string, json: array<string, mixed>|null, headers: array<string, string>}> */
    public array $calls = [];

    /**
     * @param Closure(string, string, array<string, mixed>|null): (ClientResponse|ClientError) $responder
     *        method, URL and JSON body => the answer, or the error to throw
     */
    public function __construct(private readonly Closure $responder)
    {
    }

    /** Returns a client that gives every call the same answer. */
    public static function always(ClientResponse|ClientError $answer): self
    {
        return new self(static fn (): ClientResponse|ClientError => $answer);
    }

    public function send(string $method, string $url, ?array $json = null, array $headers = []): ClientResponse
    {
        $this->calls[] = ['method' => $method, 'url' => $url, 'json' => $json, 'headers' => $headers];
        $answer = ($this->responder)($method, $url, $json);
        if ($answer instanceof ClientError) {
            throw $answer;
        }

        return $answer;
    }
}
