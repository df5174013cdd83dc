// The app's own server build, as Vite serves it; resource-route.server.ts asks it for the 404 page.
declare module "virtual:react-router/server-build";
