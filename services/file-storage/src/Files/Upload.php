<?php

declare(strict_types=1);

namespace Platform\FileStorage\Files;

use Platform\Shared\Http\HttpError;
use Platform\Shared\Http\Input;

/**
 * Holds a validated upload: decoded content within the size limit, checksum verified.
 */
final class Upload
{
    private function __construct(
        public readonly string $name,
        public readonly string $contentType,
        public readonly string $content,
        public readonly string $sha256,
    ) {
    }

    /**
     * Reads {name, content_base64, content_type?, sha256?} from a request body.
     *
     * A body over the limit is a 413; bad base64 or a checksum the content does not match is a 422.
     */
    public static function fromInput(Input $in, int $maxBytes): self
    {
        $name = $in->string('name', 255);
        if (preg_match('#[/\\\\\x00-\x1f]#', $name) === 1) {
            throw HttpError::invalidField('name', 'must be a plain file name without slashes or control characters');
        }
        $contentType = $in->optionalString('content_type', null, 255) ?? 'application/octet-stream';
        if (preg_match('#^[\w.+-]+/[\w.+-]+$#', $contentType) !== 1) {
            throw HttpError::invalidField('content_type', 'must be a media type like text/plain');
        }
        $encoded = $in->string('content_base64', PHP_INT_MAX);
        if (intdiv(strlen($encoded), 4) * 3 > $maxBytes + 3) {
            throw self::tooLarge((int) (strlen($encoded) * 3 / 4), $maxBytes);
        }
        $content = base64_decode($encoded, true);
        if ($content === false) {
            throw HttpError::invalidField('content_base64', 'is not valid base64');
        }
        if (strlen($content) > $maxBytes) {
            throw self::tooLarge(strlen($content), $maxBytes);
        }
        $sha256 = hash('sha256', $content);
        $claimed = $in->optionalString('sha256', null, 64);
        if ($claimed !== null && strtolower($claimed) !== $sha256) {
            throw HttpError::invalidField('sha256', sprintf('does not match the content (content has %s)', $sha256));
        }

        return new self($name, $contentType, $content, $sha256);
    }

    public function size(): int
    {
        return strlen($this->content);
    }

    private static function tooLarge(int $size, int $maxBytes): HttpError
    {
        return new HttpError(
            413,
            'file_too_large',
            sprintf('file is about %d bytes; the limit is %d bytes', $size, $maxBytes),
            'content_base64',
        );
    }
}
