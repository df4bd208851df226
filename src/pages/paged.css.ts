/**
 * /paged.css: the paged-media rules of the print previews (src/print/paged.css: footnotes
 * at the foot of their page, contents page numbers), served as written. Vite's CSS
 * minifier rejects rules such as @footnote, which Paged.js reads; a file, not an inline
 * <style>, so that the hash-only CSP holds.
 */
import type { APIRoute } from 'astro';
import css from '../print/paged.css?raw';

export const GET: APIRoute = () => new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
