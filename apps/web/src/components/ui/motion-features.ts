// Loaded after first paint so the animation engine stays out of every page's initial JavaScript.
export { domAnimation as default } from 'motion/react';
