# GML as Himsolt's spec allows: comments, nested lists, unknown keys, ids not in order
Creator "ActorNet interop corpus"
graph [
  directed 0
  comment "keys this reader does not know must be skipped"
  node [ id 10 label "Ten" graphics [ x 1.0 y 2.0 type "rectangle" ] ]
  node [ id 2 label "Two" ]
  node [ id 7 label "Seven" extra [ deep [ deeper 1 ] ] ]
  edge [ source 10 target 2 label "a" weight 2.5 ]
  edge [ source 2 target 7 ]
  edge [ source 7 target 7 ]
  edge [ source 7 target 10 graphics [ Line [ point [ x 0 y 0 ] point [ x 1 y 1 ] ] ] ]
]
