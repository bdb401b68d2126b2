<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

/**
 * Holds an HTTP response: status, headers and body.
 */
final class Response
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly int $status,
        public readonly string $body,
        public readonly array $headers = [],
    ) {
    }

    /** @param array<string, string> $headers */
    public static function json(mixed $data, int $status = 200, array $headers = []): self
    {
        $body = json_encode($data, JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);

        return new self($status, $body, ['Content-Type' => 'application/json'] + $headers);
    }

    /** @param array<string, string> $headers */
    public static function text(string $body, int $status = 200, array $headers = []): self
    {
        return new self($status, $body, ['Content-Type' => 'text/plain; charset=utf-8'] + $headers);
    }

    /** Sends status, headers and body to the SAPI. */
    public function send(): void
    {
        foreach ($this->headers as $name => $value) {
            header($name . ': ' . $value);
        }
        // After the headers: PHP turns any status into 302 when it sees a Location header.
        http_response_code($this->status);
        echo $this->body;
    }
}
