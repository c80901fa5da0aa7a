// FigiAuth passkey pages: WebAuthn calls and the JSON API under /passkeys/v1. No dependencies.
(() => {
  "use strict";
  const b64 = {
    toBytes(s) { s = s.replace(/-/g, "+").replace(/_/g, "/"); const bin = atob(s + "===".slice((s.length + 3) % 4)); return Uint8Array.from(bin, c => c.charCodeAt(0)); },
    from(buf) { let bin = ""; new Uint8Array(buf).forEach(b => bin += String.fromCharCode(b)); return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""); },
  };
  const messages = {
    NotAllowedError: "The passkey request was cancelled or timed out. Please try again.",
    InvalidStateError: "This device already has a passkey for your account.",
    SecurityError: "Passkeys cannot be used on this address. Please use the official site.",
    NotSupportedError: "This browser or device does not support passkeys.",
    401: "We could not verify your passkey. Please try again, or use another passkey.",
    409: "That username is taken. Please choose another one.",
    400: "Something was missing. Please check what you entered and try again.",
    413: "The request was too large. Please try again.",
    429: "Too many attempts. Please wait a minute and try again.",
    default: "Something went wrong. Please try again in a moment.",
  };
  const say = (text) => { const m = document.getElementById("message"); if (m) m.textContent = text; };
  const explain = (e) => say(messages[e.status] || messages[e.name] || messages.default);

  async function post(path, body) {
    const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
    if (!response.ok) { const error = new Error("HTTP " + response.status); error.status = response.status; throw error; }
    return response.json();
  }

  async function register(username, name) {
    const o = await post("/passkeys/v1/register/options", { username, name });
    const publicKey = { ...o, challenge: b64.toBytes(o.challenge), user: { ...o.user, id: b64.toBytes(o.user.id) },
      excludeCredentials: (o.excludeCredentials || []).map(c => ({ ...c, id: b64.toBytes(c.id) })) };
    const c = await navigator.credentials.create({ publicKey });
    return post("/passkeys/v1/register/complete", { id: c.id, rawId: b64.from(c.rawId), type: c.type,
      response: { attestationObject: b64.from(c.response.attestationObject), clientDataJSON: b64.from(c.response.clientDataJSON),
        transports: c.response.getTransports ? c.response.getTransports() : [] },
      clientExtensionResults: c.getClientExtensionResults() });
  }

  let pendingConditional = null;
  const signIn = (username, mediation) => assert("/passkeys/v1/login", username ? { username } : {}, mediation);

  // An assertion: options from {base}/options, the answer to {base}/complete (sign-in, or a transaction confirmation).
  async function assert(base, body, mediation) {
    const o = await post(base + "/options", body);
    const publicKey = { ...o, challenge: b64.toBytes(o.challenge), allowCredentials: (o.allowCredentials || []).map(c => ({ ...c, id: b64.toBytes(c.id) })) };
    const request = { publicKey };
    if (mediation) { pendingConditional = new AbortController(); request.mediation = mediation; request.signal = pendingConditional.signal; }
    const c = await navigator.credentials.get(request);
    return post(base + "/complete", { id: c.id, rawId: b64.from(c.rawId), type: c.type,
      response: { authenticatorData: b64.from(c.response.authenticatorData), clientDataJSON: b64.from(c.response.clientDataJSON),
        signature: b64.from(c.response.signature), userHandle: c.response.userHandle ? b64.from(c.response.userHandle) : null },
      clientExtensionResults: c.getClientExtensionResults() });
  }

  const go = (form) => { window.location.assign(form.dataset.returnUrl || "/"); };
  const cancelConditional = () => { if (pendingConditional) { pendingConditional.abort(); pendingConditional = null; } };

  const signinForm = document.getElementById("signin");
  if (signinForm) {
    const run = async (username) => {
      cancelConditional(); say("");
      try { await signIn(username); say(""); go(signinForm); } catch (e) { explain(e); }
    };
    signinForm.addEventListener("submit", (ev) => { ev.preventDefault(); run(document.getElementById("username").value.trim() || null); });
    document.getElementById("signin-any").addEventListener("click", () => run(null));
    // Conditional UI: offer passkeys in the username field's autofill.
    if (window.PublicKeyCredential && PublicKeyCredential.isConditionalMediationAvailable) {
      PublicKeyCredential.isConditionalMediationAvailable().then(ok => {
        if (ok) signIn(null, "conditional").then(() => go(signinForm)).catch(e => { if (e.name !== "AbortError") explain(e); });
      });
    }
  }

  const signupForm = document.getElementById("signup");
  if (signupForm) {
    signupForm.addEventListener("submit", async (ev) => {
      ev.preventDefault(); say("");
      const username = document.getElementById("username").value.trim();
      if (!username) { say("Please choose a username."); return; }
      try { await register(username, document.getElementById("passkey-name").value.trim() || null); go(signupForm); } catch (e) { explain(e); }
    });
  }

  // /confirm/{id}: the WebAuthn challenge is bound to this confirmation's text on the server (dynamic linking).
  const confirmForm = document.getElementById("confirm");
  if (confirmForm) {
    confirmForm.addEventListener("submit", async (ev) => {
      ev.preventDefault(); say("");
      try {
        await assert("/passkeys/v1/confirmations/" + encodeURIComponent(confirmForm.dataset.confirmation), {});
        say("Confirmed.");
        if (confirmForm.dataset.returnUrl) window.location.assign(confirmForm.dataset.returnUrl); else window.location.reload();
      } catch (e) { explain(e); }
    });
  }

  const add = document.getElementById("add-passkey");
  if (add) {
    add.addEventListener("click", async () => {
      say("");
      try { await register(null, null); window.location.reload(); } catch (e) { explain(e); }
    });
  }
})();
