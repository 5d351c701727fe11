/** The UI's favicon: a small SVG (a hook on the accent blue), served with the other assets. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2456c7"/><path d="M19 6v12a6 6 0 0 1-12 0v-2" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/><circle cx="19" cy="6" r="2.5" fill="#fff"/><path d="M7 16l-2.5 3.5M7 16l3 3" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round"/></svg>
`;
