// Polls the wallet's status endpoint until the transfer is final, then reloads to show the outcome.
// Offers "Approve with a passkey" when FigiAuth has the passkey confirmation endpoints; otherwise the phone only.
(function () {
    const status = document.getElementById("status");
    const approve = document.getElementById("approve");
    if (!status || !approve) return;

    async function poll() {
        try {
            const response = await fetch(status.dataset.url, { headers: { Accept: "application/json" } });
            if (response.ok && (await response.json()).status !== "pending") {
                location.reload();
                return;
            }
        } catch (e) {
            status.textContent = "Waiting for your approval… (connection problem, retrying)";
        }
        setTimeout(poll, 2000);
    }
    setTimeout(poll, 2000);

    const base = approve.dataset.server + "/passkeys/v1/confirmations/" + encodeURIComponent(approve.dataset.confirmation);
    const message = document.getElementById("passkey-message");
    if (!window.PublicKeyCredential) return;
    document.getElementById("passkey").hidden = false;

    const b64u = {
        decode: s => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), c => c.charCodeAt(0)),
        encode: b => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
    };
    function requestOptions(json) {
        if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(json);
        return Object.assign({}, json, {
            challenge: b64u.decode(json.challenge),
            allowCredentials: (json.allowCredentials || []).map(c => Object.assign({}, c, { id: b64u.decode(c.id) })),
        });
    }
    function credentialJson(c) {
        if (c.toJSON) return c.toJSON();
        return {
            id: c.id, rawId: b64u.encode(c.rawId), type: c.type, clientExtensionResults: c.getClientExtensionResults(),
            response: {
                clientDataJSON: b64u.encode(c.response.clientDataJSON), authenticatorData: b64u.encode(c.response.authenticatorData),
                signature: b64u.encode(c.response.signature), userHandle: c.response.userHandle ? b64u.encode(c.response.userHandle) : null,
            },
        };
    }
    function phoneOnly(text) {
        document.getElementById("passkey").hidden = true;
        message.textContent = text;
    }

    document.getElementById("passkey-button").addEventListener("click", async () => {
        const post = body => ({ method: "POST", credentials: "include", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
        let options;
        try {
            options = await fetch(base + "/options", post({}));
        } catch (e) {
            phoneOnly("Passkey approval is not reachable from this page; approve on your phone.");
            return;
        }
        if (options.status === 404) {
            phoneOnly("This FigiAuth server has no passkey approval yet; approve on your phone.");
            return;
        }
        if (!options.ok) {
            message.textContent = "FigiAuth refused the passkey approval (" + options.status + "); approve on your phone.";
            return;
        }
        try {
            const json = await options.json();
            const credential = await navigator.credentials.get({ publicKey: requestOptions(json.publicKey || json) });
            const done = await fetch(base + "/complete", post(credentialJson(credential)));
            message.textContent = done.ok ? "Approved with your passkey; checking the receipt…" : "FigiAuth refused the passkey answer.";
        } catch (e) {
            message.textContent = "The passkey was not used (" + e.name + "); you can approve on your phone.";
        }
    });
})();
