// Mirrors the server's minimum (POST /auth/password, /users/:id/password); the server decides.
export const minimumPasswordLength = 10;
