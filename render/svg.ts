/**
 * Mermaid text → SVG with beautiful-mermaid: pure TypeScript layout, no browser. The package is ESM-only
 * (its exports have no `require` condition), so it is loaded with a dynamic import, which tsx keeps as a real
 * `import()` in our CommonJS build; hence the Promise.
 */
export async function toSvg(mermaidText: string): Promise<string> {
    const { renderMermaidSVG } = await import("beautiful-mermaid");
    return renderMermaidSVG(mermaidText);
}
