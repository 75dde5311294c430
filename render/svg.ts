/**
 * Mermaid text → SVG with beautiful-mermaid: pure TypeScript layout, no browser. The package is ESM-only
 * (its exports have no `require` condition), so it is loaded with a dynamic import, which tsx keeps as a real
 * `import()` in our CommonJS build; hence the Promise.
 *
 * Its SVG themes through CSS custom properties and `color-mix()` and imports a web font: browsers render that, but
 * many viewers (rsvg, image previews, PDF converters) draw every shape black, and the font import needs the
 * network. We resolve the theme to plain colours and drop the import, so the file is self-contained.
 */
export async function toSvg(mermaidText: string): Promise<string> {
    const { renderMermaidSVG } = await import("beautiful-mermaid");
    return inlineTheme(renderMermaidSVG(mermaidText));
}

type Rgb = [number, number, number];

const hex = (h: string): Rgb => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
const toHex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
/** CSS `color-mix(in srgb, fg p%, bg)`. */
const mix = (fg: Rgb, bg: Rgb, p: number): string =>
    toHex(fg.map((v, i) => v * (p / 100) + bg[i] * (1 - p / 100)) as Rgb);

/** The derived colours beautiful-mermaid defines from --fg and --bg (see the <style> block it emits). */
function palette(fg: Rgb, bg: Rgb): Record<string, string> {
    return {
        "--bg": toHex(bg),
        "--fg": toHex(fg),
        "--_text": toHex(fg),
        "--_text-sec": mix(fg, bg, 60),
        "--_text-muted": mix(fg, bg, 40),
        "--_text-faint": mix(fg, bg, 25),
        "--_line": mix(fg, bg, 50),
        "--_arrow": mix(fg, bg, 85),
        "--_node-fill": mix(fg, bg, 3),
        "--_node-stroke": mix(fg, bg, 20),
        "--_group-fill": toHex(bg),
        "--_group-hdr": mix(fg, bg, 5),
        "--_inner-stroke": mix(fg, bg, 12),
        "--_key-badge": mix(fg, bg, 10),
    };
}

export function inlineTheme(svg: string): string {
    const fg = /--fg:(#[0-9a-fA-F]{6})/.exec(svg)?.[1] ?? "#27272A";
    const bg = /--bg:(#[0-9a-fA-F]{6})/.exec(svg)?.[1] ?? "#FFFFFF";
    const colours = palette(hex(fg), hex(bg));
    const unresolved = new Set<string>();
    const out = svg
        .replace(/@import url\([^)]*\);?\s*/g, "")
        .replace(/var\((--[\w-]+)\)/g, (m, name: string) => colours[name] ?? (unresolved.add(name) && m));
    if (unresolved.size) throw new Error(`SVG theme variables without a colour: ${[...unresolved].join(", ")}`);
    return out;
}
