<?php

declare(strict_types=1);

namespace Platform\Shared\Http\Client;

/**
 * Calls another HTTP service with a JSON body.
 */
interface HttpClient
{
    /**
     * Sends a request; returns any HTTP answer, throws ClientError when none came (refused, timeout).
     *
     * @param array<string, mixed>|null $json body to send as JSON
     * @param array<string, string> $headers
     */
    public function send(string $method, string $url, ?array $json = null, array $headers = []): ClientResponse;
}
