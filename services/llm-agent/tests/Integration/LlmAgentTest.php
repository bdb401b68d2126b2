<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Tests\Integration;

use Platform\LlmAgent\Llm\Agent;
use Platform\LlmAgent\Llm\LocalProvider;
use Platform\LlmAgent\Llm\OpenAiProvider;
use Platform\LlmAgent\Llm\Prompt;
use Platform\LlmAgent\Llm\ProviderError;
use Platform\LlmAgent\Llm\RedisCompletionCache;
use Platform\Shared\Http\Client\CurlHttpClient;
use Platform\Shared\Testing\IntegrationEnv;
use Platform\Shared\Testing\PhpServer;
use PHPUnit\Framework\TestCase;

/**
 * Caches in the real Redis of REDIS_URL, calls an OpenAI-compatible server over real HTTP.
 */
final class LlmAgentTest extends TestCase
{
    public function testCachesInRedis(): void
    {
        $redis = IntegrationEnv::redis();
        $agent = new Agent(new LocalProvider(), new RedisCompletionCache($redis, 60));
        $first = $agent->complete(new Prompt('route this ticket', 8, 0.0));
        $second = $agent->complete(new Prompt('route this ticket', 8, 0.0));
        self::assertFalse($first->cached);
        self::assertTrue($second->cached);
        self::assertSame($first->text, $second->text);
        $key = (new Prompt('route this ticket', 8, 0.0))->cacheKey('local', 'local-echo-1');
        self::assertGreaterThan(0, $redis->client()->ttl('completion:' . $key));
        $disabled = new RedisCompletionCache($redis, 0);
        $disabled->put('k', $first);
        self::assertNull($disabled->get('k'));
    }

    public function testCallsAnOpenAiCompatibleServer(): void
    {
        $server = PhpServer::start(dirname(__DIR__) . '/fixtures/openai.php');
        try {
            $ok = new OpenAiProvider(new CurlHttpClient(), $server->url(''), 'test-key', 'm');
            self::assertSame('echo: hi', $ok->complete(new Prompt('hi', 5, 0))->text);
            $this->expectException(ProviderError::class);
            $this->expectExceptionMessage('answered 401');
            (new OpenAiProvider(new CurlHttpClient(), $server->url(''), 'wrong', 'm'))->complete(
                new Prompt('hi', 5, 0),
            );
        } finally {
            $server->stop();
        }
    }

    public function testServesOverHttp(): void
    {
        $server = PhpServer::start(dirname(__DIR__, 2) . '/public/index.php', [
            'LOG_LEVEL' => 'error',
            'LLM_PROVIDER' => 'local',
            'REDIS_PREFIX' => IntegrationEnv::prefix(),
        ]);
        try {
            $client = new CurlHttpClient();
            self::assertSame(200, $client->send('GET', $server->url('/health/ready'))->status);
            $first = $client->send('POST', $server->url('/v1/completions'), ['prompt' => 'hello world']);
            $second = $client->send('POST', $server->url('/v1/completions'), ['prompt' => 'hello world']);
            self::assertSame(
                [200, false, true],
                [$first->status, $first->json()['cached'] ?? null, $second->json()['cached'] ?? null],
            );
            self::assertSame(422, $client->send('POST', $server->url('/v1/completions'), ['prompt' => 1])->status);
        } finally {
            $server->stop();
        }
    }
}
