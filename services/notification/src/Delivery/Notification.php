<?php

declare(strict_types=1);

namespace Platform\Notification\Delivery;

/**
 * Holds one notification and where its delivery stands.
 */
final class Notification
{
    public const QUEUED = 'queued';
    public const DELIVERED = 'delivered';
    public const RETRYING = 'retrying';
    public const DEAD = 'dead';

    public function __construct(
        public readonly string $id,
        public readonly string $channel,
        public readonly string $recipient,
        public readonly string $message,
        public readonly int $maxAttempts,
        public readonly string $status = self::QUEUED,
        public readonly int $attempts = 0,
        public readonly ?string $lastError = null,
    ) {
    }

    /** Returns a copy after one more attempt ended in status. */
    public function attempted(string $status, ?string $error): self
    {
        return new self(
            $this->id,
            $this->channel,
            $this->recipient,
            $this->message,
            $this->maxAttempts,
            $status,
            $this->attempts + 1,
            $error,
        );
    }

    /** @return array<string, string> the Redis hash fields */
    public function toFields(): array
    {
        return [
            'id' => $this->id,
            'channel' => $this->channel,
            'recipient' => $this->recipient,
            'message' => $this->message,
            'max_attempts' => (string) $this->maxAttempts,
            'status' => $this->status,
            'attempts' => (string) $this->attempts,
            'last_error' => $this->lastError ?? '',
        ];
    }

    /** @param array<string, string> $fields */
    public static function fromFields(array $fields): self
    {
        return new self(
            $fields['id'] ?? '',
            $fields['channel'] ?? '',
            $fields['recipient'] ?? '',
            $fields['message'] ?? '',
            (int) ($fields['max_attempts'] ?? 1),
            $fields['status'] ?? self::QUEUED,
            (int) ($fields['attempts'] ?? 0),
            ($fields['last_error'] ?? '') === '' ? null : $fields['last_error'],
        );
    }

    /** @return array<string, string|int|null> */
    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'channel' => $this->channel,
            'recipient' => $this->recipient,
            'status' => $this->status,
            'attempts' => $this->attempts,
            'max_attempts' => $this->maxAttempts,
            'last_error' => $this->lastError,
        ];
    }
}
