<?php

declare(strict_types=1);

namespace Platform\Bff\Upstream;

use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\HttpClient;
use Platform\Shared\Http\HttpError;

/**
 * Calls the platform services and turns their failures into the BFF's own JSON errors.
 *
 * An upstream 4xx is the caller's problem and keeps its status and message; no answer,
 * a 5xx or a non-JSON answer is a 502 naming the upstream.
 */
final class Gateway
{
    public function __construct(private readonly HttpClient $client, private readonly Upstreams $upstreams)
    {
    }

    /**
     * @param array<string, mixed>|null $body
     * @param array<string, string> $headers
     * @return array<string, mixed>
     */
    public function call(string $service, string $method, string $path, ?array $body = null, array $headers = []): array
    {
        try {
            $response = $this->client->send($method, $this->upstreams->url($service, $path), $body, $headers);
        } catch (ClientError $e) {
            throw new HttpError(
                502,
                'upstream_unreachable',
                sprintf('%s is unreachable: %s', $service, $e->getMessage()),
            );
        }
        $json = $response->json();
        if ($response->status >= 400 && $response->status < 500) {
            $message = is_string($json['message'] ?? null) ? $json['message'] : 'request rejected';
            throw new HttpError($response->status, 'upstream_rejected', sprintf('%s: %s', $service, $message));
        }
        if (!$response->ok() || $json === null) {
            throw new HttpError(502, 'upstream_failed', sprintf('%s answered %d', $service, $response->status));
        }

        return $json;
    }

    /** Returns the readiness status code of a service, or null when it did not answer. */
    public function readiness(string $service): ?int
    {
        try {
            return $this->client->send('GET', $this->upstreams->url($service, '/health/ready'))->status;
        } catch (ClientError) {
            return null;
        }
    }
}
