// Progressive enhancement for /tools/share: while the submitter types a name, description or website,
// ask /api/v1/similar-tools and show possible duplicates. Without JavaScript the server shows them on submit.
(function () {
  'use strict'
  var form = document.querySelector('form[data-similar-url]')
  if (!form || !window.fetch || !window.URLSearchParams) return
  var section = form.querySelector('.citydeal-duplicates')
  var list = section.querySelector('.citydeal-duplicates__list')
  var heading = section.querySelector('#share-live-heading')
  var reasons = JSON.parse(section.getAttribute('data-reason-labels') || '{}')
  var texts = JSON.parse(section.getAttribute('data-texts') || '{}')
  var lang = form.getAttribute('data-lang') || 'nl'
  var fields = { name: form.elements.namedItem('name'), description: form.elements.namedItem('description'), url: form.elements.namedItem('websiteUrl') }
  var timer = null
  var lastQuery = ''
  var controller = null

  function el(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text) node.textContent = text
    return node
  }

  function render(items) {
    list.textContent = ''
    if (items.length === 0) {
      heading.hidden = true
      return
    }
    heading.hidden = false
    var ul = el('ul', 'utrecht-unordered-list citydeal-candidates')
    items.forEach(function (item) {
      var li = el('li', 'utrecht-unordered-list__item')
      var name = el('span', 'citydeal-candidate__name')
      if (item._links && item._links.html) {
        var a = el('a', 'utrecht-link utrecht-link--html-a', item.name)
        a.href = (lang === 'en' ? '/en' : '') + '/tools/' + item.slug
        name.appendChild(a)
      } else {
        // Names of submissions under review are not public.
        name.textContent = item.type === 'submission' ? texts.pendingName : item.name
      }
      li.appendChild(name)
      li.appendChild(document.createTextNode(' '))
      if (item.type === 'submission') li.appendChild(el('span', 'utrecht-status-badge utrecht-status-badge--warning', texts.pending))
      li.appendChild(document.createTextNode(' '))
      li.appendChild(el('span', 'citydeal-candidate__reasons', item.reasons.map(function (r) { return reasons[r] || r }).join(' · ')))
      if (item.type === 'tool' && item.slug && !form.querySelector('input[type="hidden"][name="additionTo"]')) {
        var button = el('button', 'utrecht-button utrecht-button--secondary-action citydeal-candidate__action', (texts.add || '').replace('{name}', item.name))
        button.type = 'submit'
        button.name = 'additionTo'
        button.value = item.slug
        li.appendChild(document.createTextNode(' '))
        li.appendChild(button)
      }
      ul.appendChild(li)
    })
    list.appendChild(ul)
  }

  function check() {
    var name = fields.name.value.trim()
    if (name.length < 2) return
    var params = new URLSearchParams({ name: name.slice(0, 200), lang: lang })
    var description = fields.description.value.trim()
    var url = fields.url.value.trim()
    if (description) params.set('description', description.slice(0, 1000))
    if (/^https?:\/\/\S+\.\S+/i.test(url)) params.set('url', url.slice(0, 2000))
    var query = params.toString()
    if (query === lastQuery) return
    lastQuery = query
    if (controller) controller.abort()
    controller = window.AbortController ? new AbortController() : null
    fetch(form.getAttribute('data-similar-url') + '?' + query, { headers: { accept: 'application/json' }, signal: controller ? controller.signal : undefined })
      .then(function (response) { return response.ok ? response.json() : { items: [] } })
      .then(function (body) { render(body.items || []) })
      .catch(function () { /* typing on; the server checks again on submit */ })
  }

  function schedule() {
    clearTimeout(timer)
    timer = setTimeout(check, 400)
  }
  ;[fields.name, fields.description, fields.url].forEach(function (field) {
    if (field) field.addEventListener('input', schedule)
  })
})()
