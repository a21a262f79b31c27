export const data = { permalink: '/index.html', eleventyExcludeFromCollections: true };
export const render = () => `<!DOCTYPE html>
<html><head><title>https://example.org/zh/</title><link rel="canonical" href="https://example.org/zh/"><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=https://example.org/zh/"></head></html>
`;
