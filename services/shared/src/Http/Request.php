<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

use JsonException;

/**
 * Holds an incoming HTTP request and decodes its JSON body.
 */
final class Request
{
    /**
     * @param array<string, string> $query
     * @param array<string, string> $headers lower-case names
     */
    public function __construct(
        public readonly string $method,
        public readonly string $path,
        public readonly array $query = [],
        public readonly array $headers = [],
        public readonly string $body = '',
    ) {
    }

    /** Builds the request from PHP's superglobals and php://input. */
    public static function fromGlobals(): self
    {
        $uri = is_string($_SERVER['REQUEST_URI'] ?? null) ? $_SERVER['REQUEST_URI'] : '/';
        $method = is_string($_SERVER['REQUEST_METHOD'] ?? null) ? $_SERVER['REQUEST_METHOD'] : 'GET';
        $path = parse_url($uri, PHP_URL_PATH);
        $headers = [];
        foreach ($_SERVER as $key => $value) {
            if (is_string($value) && str_starts_with((string) $key, 'HTTP_')) {
                $headers[strtolower(str_replace('_', '-', substr((string) $key, 5)))] = $value;
            }
        }
        if (is_string($_SERVER['CONTENT_TYPE'] ?? null)) {
            $headers['content-type'] = $_SERVER['CONTENT_TYPE'];
        }
        $query = [];
        foreach ($_GET as $name => $value) {
            if (is_string($value)) {
                $query[(string) $name] = $value;
            }
        }
        $body = file_get_contents('php://input');

        return new self(
            strtoupper($method),
            is_string($path) && $path !== '' ? $path : '/',
            $query,
            $headers,
            $body === false ? '' : $body,
        );
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }

    /**
     * Decodes the body as a JSON object.
     *
     * @return array<string, mixed>
     */
    public function json(): array
    {
        $value = $this->decode(true);
        if (!is_array($value) || ($value !== [] && array_is_list($value))) {
            throw HttpError::badRequest('request body must be a JSON object');
        }
        /** @var array<string, mixed> $value */
        return $value;
    }

    /** Decodes the body keeping JSON objects as stdClass (needed where {} and [] differ). */
    public function jsonValue(): mixed
    {
        return $this->decode(false);
    }

    private function decode(bool $assoc): mixed
    {
        if (trim($this->body) === '') {
            throw HttpError::badRequest('request body is empty; send a JSON object');
        }
        try {
            return json_decode($this->body, $assoc, 64, JSON_THROW_ON_ERROR | JSON_BIGINT_AS_STRING);
        } catch (JsonException $e) {
            throw HttpError::badRequest('request body is not valid JSON: ' . $e->getMessage());
        }
    }
}
