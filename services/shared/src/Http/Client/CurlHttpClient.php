<?php

declare(strict_types=1);

namespace Platform\Shared\Http\Client;

/**
 * Sends requests with ext-curl, bounded by connect and total timeouts.
 */
final class CurlHttpClient implements HttpClient
{
    public function __construct(private readonly float $timeoutSeconds = 5.0)
    {
    }

    public function send(string $method, string $url, ?array $json = null, array $headers = []): ClientResponse
    {
        $handle = curl_init($url);
        if ($handle === false) {
            throw new ClientError(sprintf('cannot call %s: invalid URL', $url));
        }
        $lines = ['Accept: application/json'];
        foreach ($headers as $name => $value) {
            $lines[] = $name . ': ' . $value;
        }
        if ($json !== null) {
            $lines[] = 'Content-Type: application/json';
            curl_setopt($handle, CURLOPT_POSTFIELDS, json_encode($json, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES));
        }
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $lines,
            CURLOPT_CONNECTTIMEOUT_MS => (int) ($this->timeoutSeconds * 1000),
            CURLOPT_TIMEOUT_MS => (int) ($this->timeoutSeconds * 1000),
            CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
        ]);
        $body = curl_exec($handle);
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        $error = curl_error($handle);
        curl_close($handle);
        if (!is_string($body) || $status === 0) {
            throw new ClientError(sprintf('%s %s failed: %s', $method, $url, $error !== '' ? $error : 'no response'));
        }

        return new ClientResponse($status, $body);
    }
}
