<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

use RuntimeException;

/**
 * Carries an HTTP status and a machine-readable code; the kernel turns it into a JSON error.
 */
final class HttpError extends RuntimeException
{
    /** @param array<string, string> $headers */
    public function __construct(
        public readonly int $status,
        public readonly string $errorCode,
        string $message,
        public readonly ?string $field = null,
        public readonly array $headers = [],
    ) {
        parent::__construct($message);
    }

    public static function badRequest(string $message): self
    {
        return new self(400, 'bad_request', $message);
    }

    public static function invalidField(string $field, string $message): self
    {
        return new self(422, 'invalid_field', sprintf('%s: %s', $field, $message), $field);
    }

    public static function notFound(string $message): self
    {
        return new self(404, 'not_found', $message);
    }

    public static function conflict(string $message): self
    {
        return new self(409, 'conflict', $message);
    }

    /** Builds the JSON error response. */
    public function toResponse(): Response
    {
        $body = ['error' => $this->errorCode, 'message' => $this->getMessage()];
        if ($this->field !== null) {
            $body['field'] = $this->field;
        }

        return Response::json($body, $this->status, $this->headers);
    }
}
