<?php

declare(strict_types=1);

// Works the delivery queue until stopped: `php bin/worker.php` (a worker Deployment), or `--once`.

use Platform\Notification\App;
use Platform\Shared\App\Runtime;

require __DIR__ . '/../vendor/autoload.php';

$runtime = Runtime::boot(dirname(__DIR__));
$dispatcher = App::dispatcher($runtime);
do {
    $report = $dispatcher->run(100);
    if ($report['processed'] > 0 || $report['released'] > 0) {
        $runtime->logger->info('deliveries', $report);
    }
    $idle = $report['processed'] === 0;
    if ($idle && !in_array('--once', $argv, true)) {
        sleep(1);
    }
} while (!in_array('--once', $argv, true));
