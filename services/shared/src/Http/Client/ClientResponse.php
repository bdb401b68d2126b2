<?php

declare(strict_types=1);

namespace Platform\Shared\Http\Client;

/**
 * Holds an upstream's answer.
 */
final class ClientResponse
{
    public function __construct(public readonly int $status, public readonly string $body)
    {
    }

    /**
     * Decodes the body as a JSON object, or returns null when it is not one.
     *
     * @return array<string, mixed>|null
     */
    public function json(): ?array
    {
        $decoded = json_decode($this->body, true);
        if (!is_array($decoded) || ($decoded !== [] && array_is_list($decoded))) {
            return null;
        }
        /** @var array<string, mixed> $decoded */
        return $decoded;
    }

    public function ok(): bool
    {
        return $this->status >= 200 && $this->status < 300;
    }
}
