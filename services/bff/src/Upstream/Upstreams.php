<?php

declare(strict_types=1);

namespace Platform\Bff\Upstream;

use Platform\Shared\Config\Env;

/**
 * Names the services behind the BFF and their base URLs (<NAME>_URL, default http://<service>:8080).
 */
final class Upstreams
{
    /** service => environment variable of its base URL */
    public const SERVICES = [
        'validation' => 'VALIDATION_URL',
        'workflow-orchestrator' => 'WORKFLOW_ORCHESTRATOR_URL',
        'audit' => 'AUDIT_URL',
        'llm-agent' => 'LLM_AGENT_URL',
        'notification' => 'NOTIFICATION_URL',
        'file-storage' => 'FILE_STORAGE_URL',
    ];

    /** @param array<string, string> $baseUrls service => base URL */
    public function __construct(public readonly array $baseUrls)
    {
    }

    public static function fromEnv(Env $env): self
    {
        $urls = [];
        foreach (self::SERVICES as $service => $variable) {
            $urls[$service] = rtrim($env->string($variable, sprintf('http://%s:8080', $service)), '/');
        }

        return new self($urls);
    }

    public function url(string $service, string $path): string
    {
        return ($this->baseUrls[$service] ?? 'http://' . $service . ':8080') . $path;
    }
}
