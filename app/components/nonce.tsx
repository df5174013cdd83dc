import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
/** The CSP nonce of this response (empty on the client, where browsers hide it anyway). */
export const useNonce = () => useContext(NonceContext);
