module github.com/ai-workflow-platform/platform

go 1.26
